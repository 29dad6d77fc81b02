/**
 * The C client's structs, one class per struct in jextract's style: the size, each field's offset
 * as a named constant, and named accessors. No headers exist for the C client we load, so the
 * numbers come from the measured facts in {@code shared/c-client/layout740.txt} /
 * {@code layout750.txt}; where 7.4 and 7.5 differ the offset comes from {@link io.asnative.ffm.layout.Abi}.
 * Nothing outside this package uses a literal offset.
 */
package io.asnative.ffm.layout;
