package dev.slim4j.ir.pass;

import org.junit.jupiter.api.Test;

class EliminateIdentityTest {
    @Test void removesChainsAndRenamesReaders() {
        PassCase.check(new EliminateIdentity(), """
                graph g (x: float32[2]) -> (y: float32[2])
                  a = Relu(x)
                  b: float32[2] = Identity(a)
                  c = Identity(b)
                  y = Add(c, b)
                """, """
                graph g (x: float32[2]) -> (y: float32[2])
                  a: float32[2] = Relu(x)
                  y = Add(a, a)
                """);
    }

    @Test void keepsTheOutputNameByRenamingTheProducer() {
        PassCase.check(new EliminateIdentity(), """
                graph g (x: float32[2]) -> (y: float32[2])
                  a = Relu(x)
                  b = Neg(a)
                  y = Identity(a)
                """, """
                graph g (x: float32[2]) -> (y: float32[2])
                  y = Relu[a](x)
                  b = Neg(y)
                """);
    }

    @Test void keepsIdentityFromInputToOutput() {
        String text = """
                graph g (x: float32[2]) -> (y: float32[2])
                  y = Identity(x)
                """;
        PassCase.check(new EliminateIdentity(), text, text);
    }

    @Test void removesInferenceDropoutOnly() {
        PassCase.check(new EliminateIdentity(), """
                graph g (x: float32[2], train: bool[]) -> (y: float32[2], z: float32[2], m: float32[2])
                  init off: bool[] = [0]
                  init ratio: float32[] = [0.5]
                  a = Dropout(x)
                  b = Dropout(a, ratio, off)
                  y = Relu(b)
                  c = Dropout(x, ratio, train)
                  z = Relu(c)
                  d, mask = Dropout(x)
                  m = Where(mask, d, x)
                """, """
                graph g (x: float32[2], train: bool[]) -> (y: float32[2], z: float32[2], m: float32[2])
                  init off: bool[] = [0]
                  init ratio: float32[] = [0.5]
                  y = Relu(x)
                  c = Dropout(x, ratio, train)
                  z = Relu(c)
                  d, mask = Dropout(x)
                  m = Where(mask, d, x)
                """);
    }
}
