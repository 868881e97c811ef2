package io.nextbest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the results file says about the box: cores, memory and load average, all from /proc. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return String.format("%d cores (%s), %d MiB memory", cores(), cpuModel(), meminfoKb("MemTotal") / 1024);
    }

    static int cores() {
        return (int) lines("/proc/cpuinfo").stream().filter(l -> l.startsWith("processor")).count();
    }

    private static String cpuModel() {
        return lines("/proc/cpuinfo").stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown model");
    }

    /** The 1, 5 and 15 minute load averages as {@code uptime} prints them. */
    static String loadAverage() {
        List<String> l = lines("/proc/loadavg");
        if (l.isEmpty()) {
            return "unknown";
        }
        String[] f = l.get(0).split(" ");
        return f[0] + ", " + f[1] + ", " + f[2];
    }

    static long meminfoKb(String field) {
        return kbField(lines("/proc/meminfo"), field);
    }

    /** A {@code kB} field of {@code /proc/<pid>/status}, or -1 when the process is gone. */
    static long statusField(long pid, String field) {
        return kbField(lines("/proc/" + pid + "/status"), field);
    }

    private static long kbField(List<String> lines, String field) {
        return lines.stream().filter(l -> l.startsWith(field + ":"))
                .map(l -> Long.parseLong(l.substring(field.length() + 1).replace("kB", "").trim()))
                .findFirst().orElse(-1L);
    }

    private static List<String> lines(String path) {
        try {
            return Files.readAllLines(Path.of(path));
        } catch (IOException e) {
            return List.of();
        }
    }
}
