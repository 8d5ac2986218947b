package dev.slim4j.ir.op;

/** The reductions over a set of axes. */
public enum ReduceFunction {
    SUM("ReduceSum"), MEAN("ReduceMean"), MAX("ReduceMax"), MIN("ReduceMin"), PROD("ReduceProd"),
    L1("ReduceL1"), L2("ReduceL2"), LOG_SUM("ReduceLogSum"), LOG_SUM_EXP("ReduceLogSumExp"),
    SUM_SQUARE("ReduceSumSquare");

    private final String onnxName;

    ReduceFunction(String onnxName) { this.onnxName = onnxName; }

    public String onnxName() { return onnxName; }

    /** The first opset whose version of this op takes the axes as input 1 instead of an attribute. */
    public long axesInputSince() { return this == SUM ? 13 : 18; }
}
