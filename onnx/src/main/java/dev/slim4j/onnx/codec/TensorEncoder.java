package dev.slim4j.onnx.codec;

import dev.slim4j.onnx.wire.ProtoWriter;
import dev.slim4j.tensor.Tensor;
import java.util.Optional;

/** {@link Tensor} to TensorProto: dims, data_type, name and raw_data, or a reference to external data. */
public final class TensorEncoder {
    private TensorEncoder() {}

    /** Where an external tensor's bytes were put. */
    public record Placement(String location, long offset, long length) {}

    /** Decides whether a tensor goes to an external file and writes it there. */
    public interface ExternalSink {
        /** Writes {@code t} out and says where, or returns empty to keep it inside the model. */
        Optional<Placement> place(String name, Tensor t);

        ExternalSink NONE = (name, t) -> Optional.empty();
    }

    public static ProtoWriter encode(String name, Tensor t, ExternalSink sink) {
        ProtoWriter w = new ProtoWriter();
        for (int i = 0; i < t.rank(); i++) w.varint(Fields.Tensor.DIMS, t.shape().dim(i));
        w.varint(Fields.Tensor.DATA_TYPE, t.dtype().onnxCode());
        w.stringIfNotEmpty(Fields.Tensor.NAME, name);
        Optional<Placement> p = name.isEmpty() ? Optional.empty() : sink.place(name, t);
        if (p.isEmpty()) {
            w.bytes(Fields.Tensor.RAW_DATA, t.segment());
            return w;
        }
        entry(w, "location", p.get().location());
        entry(w, "offset", Long.toString(p.get().offset()));
        entry(w, "length", Long.toString(p.get().length()));
        w.varint(Fields.Tensor.DATA_LOCATION, Fields.Tensor.LOCATION_EXTERNAL);
        return w;
    }

    private static void entry(ProtoWriter w, String key, String value) {
        w.message(Fields.Tensor.EXTERNAL_DATA, new ProtoWriter().string(Fields.Entry.KEY, key).string(Fields.Entry.VALUE, value));
    }
}
