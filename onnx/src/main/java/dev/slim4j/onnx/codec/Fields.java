package dev.slim4j.onnx.codec;

/** Field numbers of the ONNX messages slim4j maps (from onnx.proto); everything else is kept raw. */
final class Fields {
    private Fields() {}

    static final class Model {
        static final int IR_VERSION = 1, PRODUCER_NAME = 2, PRODUCER_VERSION = 3, DOMAIN = 4, MODEL_VERSION = 5,
                DOC_STRING = 6, GRAPH = 7, OPSET_IMPORT = 8, METADATA_PROPS = 14;
    }

    static final class OpsetId {
        static final int DOMAIN = 1, VERSION = 2;
    }

    static final class Entry {
        static final int KEY = 1, VALUE = 2;
    }

    static final class Graph {
        static final int NODE = 1, NAME = 2, INITIALIZER = 5, INPUT = 11, OUTPUT = 12, VALUE_INFO = 13,
                SPARSE_INITIALIZER = 15;
    }

    static final class Node {
        static final int INPUT = 1, OUTPUT = 2, NAME = 3, OP_TYPE = 4, ATTRIBUTE = 5, DOMAIN = 7;
    }

    static final class Attribute {
        static final int NAME = 1, F = 2, I = 3, S = 4, T = 5, G = 6, FLOATS = 7, INTS = 8, STRINGS = 9,
                TENSORS = 10, GRAPHS = 11, TYPE = 20;
        /** AttributeProto.AttributeType values. */
        static final int FLOAT = 1, INT = 2, STRING = 3, TENSOR = 4, GRAPH = 5, FLOATS_TYPE = 6, INTS_TYPE = 7,
                STRINGS_TYPE = 8, TENSORS_TYPE = 9, GRAPHS_TYPE = 10, SPARSE_TENSOR = 11, SPARSE_TENSORS = 12,
                TYPE_PROTO = 13, TYPE_PROTOS = 14;
    }

    static final class ValueInfo {
        static final int NAME = 1, TYPE = 2;
    }

    static final class Type {
        static final int TENSOR_TYPE = 1;
        static final int ELEM_TYPE = 1, SHAPE = 2;
        static final int DIM = 1;
        static final int DIM_VALUE = 1, DIM_PARAM = 2;
    }

    static final class Tensor {
        static final int DIMS = 1, DATA_TYPE = 2, SEGMENT = 3, FLOAT_DATA = 4, INT32_DATA = 5, STRING_DATA = 6,
                INT64_DATA = 7, NAME = 8, RAW_DATA = 9, DOUBLE_DATA = 10, UINT64_DATA = 11, EXTERNAL_DATA = 13,
                DATA_LOCATION = 14;
        static final int LOCATION_EXTERNAL = 1;
    }
}
