package io.asnative.bench.contestant;

/** A contestant whose client runs in a process of its own, which the harness pins like its own. */
public interface ClientProcess {

    long pid();
}
