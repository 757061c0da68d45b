package org.threadlab.ui;

import org.threadlab.work.TypedSpec;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;

/**
 * What t, v and p start: the spec as the user wrote it (shown in the footer and the {@code w} dialog,
 * with only the values they gave) and the same spec read once, at the dialog, into typed values (what
 * every spawn uses, so no key press parses the text again).
 */
record ChosenWorkload(WorkloadSpec written, TypedSpec typed) {

    /**
     * Reads a written spec once; IllegalArgumentException, in the user's terms, when it is not valid
     * (an internal parameter such as {@code _file} included: the user does not set those).
     */
    static ChosenWorkload of(WorkloadSpec written) {
        return new ChosenWorkload(written, Workloads.type(written.type()).readTyped(written));
    }

    /** "cpu units=2", as written. */
    String describe() {
        return written.describe();
    }
}
