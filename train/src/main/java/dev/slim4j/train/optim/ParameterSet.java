package dev.slim4j.train.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Named parameters in insertion order, some of which may be frozen (excluded from updates). */
public final class ParameterSet {
    private final Map<String, Parameter> byName = new LinkedHashMap<>();
    private final Set<String> frozen = new HashSet<>();

    /** Adds a parameter; names are unique. */
    public ParameterSet add(Parameter p) {
        if (byName.putIfAbsent(p.name(), p) != null) {
            throw new IllegalArgumentException("duplicate parameter name '" + p.name() + "'");
        }
        return this;
    }

    /** Adds a parameter made of a values array and a gradient array of the same length. */
    public ParameterSet add(String name, float[] values, float[] gradient) {
        return add(new Parameter(name, values, gradient));
    }

    /** Adds a parameter with a new zero gradient array. */
    public ParameterSet add(String name, float[] values) {
        return add(new Parameter(name, values, new float[values.length]));
    }

    public Parameter get(String name) {
        Parameter p = byName.get(name);
        if (p == null) throw new IllegalArgumentException("unknown parameter '" + name + "', expected one of " + names());
        return p;
    }

    public List<String> names() { return List.copyOf(byName.keySet()); }

    public Collection<Parameter> all() { return Collections.unmodifiableCollection(byName.values()); }

    /** The parameters an optimizer updates: all but the frozen ones, in insertion order. */
    public List<Parameter> trainable() {
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : byName.values()) if (!frozen.contains(p.name())) out.add(p);
        return out;
    }

    public ParameterSet freeze(String... names) {
        for (String n : names) frozen.add(get(n).name());
        return this;
    }

    /** Freezes every parameter whose name matches, for example {@code n -> !n.startsWith("fc.")}. */
    public ParameterSet freezeIf(Predicate<String> matches) {
        for (String n : byName.keySet()) if (matches.test(n)) frozen.add(n);
        return this;
    }

    public ParameterSet unfreeze(String... names) {
        for (String n : names) frozen.remove(get(n).name());
        return this;
    }

    public ParameterSet unfreezeAll() {
        frozen.clear();
        return this;
    }

    public boolean isFrozen(String name) { return frozen.contains(get(name).name()); }

    /** Sets every gradient (frozen ones too) to zero. */
    public void zeroGradients() {
        for (Parameter p : byName.values()) Arrays.fill(p.gradient(), 0f);
    }

    /** Total number of trainable scalars. */
    public long trainableCount() {
        long n = 0;
        for (Parameter p : trainable()) n += p.size();
        return n;
    }
}
