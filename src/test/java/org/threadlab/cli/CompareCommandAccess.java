package org.threadlab.cli;

import org.threadlab.lab.Comparison;

/** Lets tests outside the package render a comparison as the command prints it. */
public final class CompareCommandAccess {
    private CompareCommandAccess() {}

    public static String render(Comparison.Result r) {
        return CompareCommand.render(r);
    }
}
