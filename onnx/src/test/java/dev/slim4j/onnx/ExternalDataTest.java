package dev.slim4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.onnx.wire.ProtoWriter;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tensor data outside the model file: written above a threshold, mapped when large, kept inside the folder. */
class ExternalDataTest {
    @TempDir Path dir;

    private static Model modelWith(Tensor big, Tensor small) {
        Graph g = Graph.builder("g").input(new Value("x", TensorType.of(DType.FLOAT32, 4)))
                .output(new Value("x", TensorType.of(DType.FLOAT32, 4)))
                .initializer("big", big).initializer("small", small).build();
        return Model.of(g);
    }

    @Test
    void largeInitializersGoToTheDataFileAndAreMapped() throws Exception {
        float[] values = new float[600_000];
        for (int i = 0; i < values.length; i++) values[i] = i * 0.5f;
        Tensor big = Tensor.ofFloats(Shape.of(values.length), values);
        Tensor small = Tensor.ofFloats(Shape.of(2), 1f, 2f);
        Model m = modelWith(big, small);
        Path file = dir.resolve("m.onnx");
        OnnxWriter.write(m, file, WriteOptions.defaults().withExternalData(1024));

        assertTrue(Files.size(file) < 10_000, "weights are not inside the model: " + Files.size(file));
        assertEquals(values.length * 4L, Files.size(dir.resolve("m.onnx.data")));
        Model back = OnnxReader.read(file);
        assertEquals(m.graph(), back.graph());
        Tensor mapped = back.graph().initializers().get("big");
        assertTrue(mapped.segment().isNative(), "a 2.4 MB tensor is mapped, not copied");
        assertFalse(back.graph().initializers().get("small").segment().isNative());
        assertArrayEquals(values, mapped.floats());
    }

    /** A model with one FLOAT[2] initializer stored externally at {@code location}. */
    private Path externalModel(String location, long offset, long length) throws Exception {
        ProtoWriter t = new ProtoWriter().varint(1, 2).varint(2, 1).string(8, "w");
        t.message(13, new ProtoWriter().string(1, "location").string(2, location));
        t.message(13, new ProtoWriter().string(1, "offset").string(2, Long.toString(offset)));
        if (length >= 0) t.message(13, new ProtoWriter().string(1, "length").string(2, Long.toString(length)));
        t.varint(14, 1);
        ProtoWriter graph = new ProtoWriter().message(5, t).message(11, ProtoFixtures.floatValueInfo("x", 2))
                .message(12, ProtoFixtures.floatValueInfo("x", 2));
        Path file = dir.resolve("model.onnx");
        Files.write(file, ProtoFixtures.model(graph));
        return file;
    }

    private static byte[] twoFloats() { return new byte[] {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, 0x40}; }

    @Test
    void offsetAndLengthAreHonoured() throws Exception {
        byte[] data = new byte[16];
        System.arraycopy(twoFloats(), 0, data, 8, 8);
        Files.write(dir.resolve("w.bin"), data);
        Model m = OnnxReader.read(externalModel("w.bin", 8, 8));
        assertArrayEquals(new float[] {1f, 2f}, m.graph().initializers().get("w").floats());
    }

    @Test
    void absoluteLocationIsRejected() throws Exception {
        Files.write(dir.resolve("w.bin"), twoFloats());
        Path file = externalModel(dir.resolve("w.bin").toString(), 0, 8);
        var e = assertThrows(ModelFormatException.class, () -> OnnxReader.read(file));
        assertTrue(e.getMessage().contains("is absolute"), e.getMessage());
    }

    @Test
    void dotDotIsRejected() throws Exception {
        Path file = externalModel("sub/../../w.bin", 0, 8);
        var e = assertThrows(ModelFormatException.class, () -> OnnxReader.read(file));
        assertTrue(e.getMessage().contains("contains '..'"), e.getMessage());
    }

    @Test
    void symlinkOutOfTheFolderIsRejected(@TempDir Path outside) throws Exception {
        Files.write(outside.resolve("secret.bin"), twoFloats());
        Files.createSymbolicLink(dir.resolve("w.bin"), outside.resolve("secret.bin"));
        Path file = externalModel("w.bin", 0, 8);
        var e = assertThrows(ModelFormatException.class, () -> OnnxReader.read(file));
        assertTrue(e.getMessage().contains("outside the model's folder"), e.getMessage());
    }

    @Test
    void missingOrShortFilesAndWrongLengthsAreRejected() throws Exception {
        Path file = externalModel("nothere.bin", 0, 8);
        assertTrue(assertThrows(ModelFormatException.class, () -> OnnxReader.read(file)).getMessage().contains("cannot be opened"));
        Files.write(dir.resolve("w.bin"), new byte[4]);
        Path shortFile = externalModel("w.bin", 0, -1);
        assertTrue(assertThrows(ModelFormatException.class, () -> OnnxReader.read(shortFile)).getMessage().contains("which has 4 bytes"));
        Path wrongLength = externalModel("w.bin", 0, 4);
        assertTrue(assertThrows(ModelFormatException.class, () -> OnnxReader.read(wrongLength)).getMessage().contains("expected 8"));
    }

    @Test
    void readingFromMemoryNeedsTheFolder() throws Exception {
        Files.write(dir.resolve("w.bin"), twoFloats());
        byte[] bytes = Files.readAllBytes(externalModel("w.bin", 0, 8));
        var e = assertThrows(ModelFormatException.class, () -> OnnxReader.read(bytes));
        assertTrue(e.getMessage().contains("needs the model's folder"), e.getMessage());
    }
}
