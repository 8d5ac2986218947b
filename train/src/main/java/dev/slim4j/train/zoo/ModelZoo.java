package dev.slim4j.train.zoo;

import dev.slim4j.ir.Model;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The zoo's standard configurations by name; {@code ModelZoo.build("resnet20", seed)} makes one. */
public final class ModelZoo {
    private static final Map<String, Supplier<Architecture>> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("lenet300", Mlp::lenet300);
        MODELS.put("lenet5-caffe", LeNet::lenet5caffe);
        MODELS.put("lenet5", LeNet::lenet5);
        MODELS.put("lenet5-bn", LeNet::lenet5bn);
        MODELS.put("mlp500-bn", Mlp::mlp500bn);
        MODELS.put("vgg-small", Vgg::small);
        MODELS.put("resnet20", ResNet::resnet20);
        MODELS.put("mobilenetv2", MobileNetV2::small);
    }

    private ModelZoo() {}

    /** Every zoo name, in a fixed order. */
    public static List<String> names() { return List.copyOf(MODELS.keySet()); }

    public static boolean contains(String name) { return MODELS.containsKey(name); }

    /** The standard configuration named {@code name}; fails listing the known names otherwise. */
    public static Architecture architecture(String name) {
        Supplier<Architecture> s = MODELS.get(name);
        if (s == null) throw new IllegalArgumentException("unknown zoo model '" + name + "', expected one of " + names());
        return s.get();
    }

    /** The model named {@code name} with weights drawn from {@code seed}. */
    public static Model build(String name, long seed) { return architecture(name).build(seed); }
}
