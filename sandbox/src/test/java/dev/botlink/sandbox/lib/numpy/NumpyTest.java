package dev.botlink.sandbox.lib.numpy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.botlink.sandbox.lib.GuestPython;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Botlink's numpy in GraalPy, against values worked out by hand from NumPy's definitions. */
class NumpyTest {

    private static GuestPython python;

    @BeforeAll
    static void start() {
        python = GuestPython.shared();
        python.exec("import numpy as np");
    }

    @Test
    void arraysPrintLikeNumpy() {
        assertThat(python.str("np.array([1.0, 2.5, np.nan, 4])")).isEqualTo("[1.  2.5 nan 4. ]");
        assertThat(python.eval("repr(np.array([[1, 2], [3, 4]]) * 1.0)").asString())
                .isEqualTo("array([[1., 2.],\n       [3., 4.]])");
    }
}
