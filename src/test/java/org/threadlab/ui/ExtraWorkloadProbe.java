package org.threadlab.ui;

import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;

/** Run by AddingAWorkloadTest in a JVM whose class path has the extra workload: prints what the w dialog offers. */
public final class ExtraWorkloadProbe {
    private ExtraWorkloadProbe() {}

    public static void main(String[] args) {
        System.out.println("types=" + Workloads.TYPES);
        WorkloadDialog d = new WorkloadDialog();
        d.open(WorkloadSpec.of("sleep"));
        for (int i = 0; i < Workloads.TYPES.size() && !d.typeName().equals("echo"); i++) {
            d.cycleType(1);
        }
        System.out.println("dialog=" + d.typeName() + " | " + d.params + " | " + d.type().description());
        d.end();
        System.out.println("param=" + (d.paramAtCursor() == null ? "none" : d.paramAtCursor().name()));
        d.set("text=hi pause=0s");
        System.out.println("apply=" + d.apply().written() + " error=" + d.error);
    }
}
