#ifndef ASNATIVE_TRAP_H
#define ASNATIVE_TRAP_H

/* The stub is built with hidden visibility: only what Node would export is made visible. */
#define ASNATIVE_EXPORT __attribute__((visibility("default")))

/* Writes the symbol's name to stderr and aborts. */
void asnative_trap(const char *symbol) __attribute__((noreturn));

/*
 * Defines the V8/node symbol `symbol` (a mangled C++ name, hence the asm label) as a trap.
 * The addon only reaches these from its Node glue, never from the C client; defining them lets
 * the stub load with every symbol bound (LD_BIND_NOW=1), and a call, if one ever happens,
 * names the culprit instead of crashing somewhere unrelated.
 */
#define ASNATIVE_TRAP(n, symbol)                                              \
    ASNATIVE_EXPORT void asnative_trap_##n(void) __asm__(symbol);             \
    ASNATIVE_EXPORT void asnative_trap_##n(void) { asnative_trap(symbol); }

#endif
