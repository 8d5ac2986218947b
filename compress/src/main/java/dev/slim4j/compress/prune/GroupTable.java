package dev.slim4j.compress.prune;

import java.util.List;
import java.util.Locale;

/** Renders pruning groups as a fixed-width text table, one row per group. */
final class GroupTable {
    private static final int SHOWN = 6;

    private GroupTable() {}

    static String render(List<PruningGroup> groups) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-5s %-8s %-9s %s%n", "group", "channels", "prunable", "coupled tensors[axis] / reason"));
        int prunable = 0;
        for (PruningGroup g : groups) {
            if (g.isPrunable()) prunable++;
            sb.append(String.format(Locale.ROOT, "%-5d %-8d %-9s %s%n", g.id(), g.size(), g.isPrunable() ? "yes" : "no",
                    coupled(g)));
            g.unprunable().ifPresent(why -> sb.append(String.format(Locale.ROOT, "%-24s why not: %s%n", "", why)));
        }
        sb.append(groups.size()).append(" groups, ").append(prunable).append(" prunable\n");
        return sb.toString();
    }

    private static String coupled(PruningGroup g) {
        List<ChannelRef> t = g.tensors();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(SHOWN, t.size()); i++) {
            if (i > 0) sb.append(", ");
            sb.append(t.get(i).describe());
        }
        if (t.size() > SHOWN) sb.append(", ... (+").append(t.size() - SHOWN).append(" more)");
        return sb.toString();
    }
}
