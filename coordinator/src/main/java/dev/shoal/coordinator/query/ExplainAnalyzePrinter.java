package dev.shoal.coordinator.query;

import dev.shoal.core.task.TaskStatus;
import dev.shoal.planner.PhaseTime;
import dev.shoal.planner.PlanPrinter;
import dev.shoal.planner.distribute.Fragment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * EXPLAIN ANALYZE text: the query's totals, then each fragment with its output exchange, one line
 * per task (worker, rows and bytes read, received and sent, peak output buffer, peak memory, time) and the
 * fragment's plan.
 */
public final class ExplainAnalyzePrinter {
    private ExplainAnalyzePrinter() {
    }

    /** Each operator's peak that held memory, in the order the task built them: " (HashAggregate 15.9 kB, OutputBuffer 60 B)". */
    private static String operatorPeaks(TaskStatus task) {
        if (task.operatorPeaks().isEmpty()) {
            return "";
        }
        return task.operatorPeaks().stream().map(peak -> peak.operator() + " " + bytes(peak.peakBytes()))
                .collect(Collectors.joining(", ", " (", ")"));
    }

    static List<String> lines(List<Fragment> fragments, List<TaskStatus> tasks, long rows, long elapsedMillis, List<PhaseTime> planning) {
        long planningNanos = planning.stream().mapToLong(PhaseTime::nanos).sum();
        List<String> out = new ArrayList<>();
        long exchangedBytes = tasks.stream().mapToLong(TaskStatus::bytesSent).sum();
        long exchangedRows = tasks.stream().mapToLong(TaskStatus::rowsSent).sum();
        out.add(String.format(Locale.ROOT,
                "Query: %d rows in %d ms (planning %.1f ms); read %d files, %s; exchanges moved %d rows, %s; peak memory %s",
                rows, elapsedMillis, planningNanos / 1e6, tasks.stream().mapToLong(TaskStatus::filesRead).sum(),
                bytes(tasks.stream().mapToLong(TaskStatus::bytesRead).sum()), exchangedRows, bytes(exchangedBytes),
                bytes(tasks.stream().mapToLong(TaskStatus::peakMemoryBytes).sum())));
        out.add("Planning: " + String.join(", ", planning.stream()
                .map(phase -> String.format(Locale.ROOT, "%s %.1f ms", phase.phase(), phase.nanos() / 1e6)).toList()));
        for (Fragment fragment : fragments) {
            String output = fragment.id() == 0 ? "" : " output " + PlanPrinter.exchangeName(fragment.outputKind(), fragment.outputKeys())
                    + " (est. rows " + fragment.estimatedOutputRows() + ")";
            out.add("Fragment " + fragment.id() + " [" + fragment.partitioning() + "]" + output);
            tasks.stream().filter(t -> t.fragmentId() == fragment.id())
                    .sorted(Comparator.comparing(TaskStatus::taskId))
                    .forEach(t -> out.add(String.format(Locale.ROOT,
                            "  task %s on %s %s: read %d files, %d rows, %s%s%s; received %d rows, %s; sent %d rows, %s; peak buffer %s; "
                                    + "peak memory %s%s; %d ms",
                            t.taskId(), t.workerId(), t.state(), t.filesRead(), t.rowsRead(), bytes(t.bytesRead()),
                            t.rowGroupsSkipped() == 0 ? "" : " (" + t.rowGroupsSkipped() + " row groups skipped by dynamic filters)",
                            t.rowsDynamicallyFiltered() == 0 ? "" : " (" + t.rowsDynamicallyFiltered() + " dropped by dynamic filters)",
                            t.rowsReceived(),
                            bytes(t.bytesReceived()), t.rowsSent(), bytes(t.bytesSent()), bytes(t.peakBufferedBytes()),
                            bytes(t.peakMemoryBytes()), operatorPeaks(t), t.elapsedMillis())));
            for (String line : PlanPrinter.lines(fragment.root())) {
                out.add("    " + line);
            }
        }
        return out;
    }

    /** A byte count as EXPLAIN ANALYZE prints it: 812 B, 45.3 kB, 205.2 MB. */
    public static String bytes(long bytes) {
        if (bytes < 10_000) {
            return bytes + " B";
        }
        if (bytes < 10_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
