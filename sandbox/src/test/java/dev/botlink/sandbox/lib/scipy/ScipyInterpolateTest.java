package dev.botlink.sandbox.lib.scipy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.botlink.sandbox.lib.GuestPython;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** scipy.interpolate in GraalPy, against splines and interpolants worked out by hand. */
class ScipyInterpolateTest {

    private static GuestPython python;

    @BeforeAll
    static void start() {
        python = GuestPython.shared();
        python.exec("""
                import numpy as np
                from scipy import interpolate
                from scipy.interpolate import CubicSpline, interp1d
                cube_x = [0, 1, 2, 3]
                cube_y = [0, 1, 8, 27]
                """);
    }

    @Test
    void notAKnotSplineReproducesACubic() {
        python.exec("cube = CubicSpline(cube_x, cube_y)");
        assertThat(python.number("cube(1.5)")).isCloseTo(3.375, within(1e-12));
        assertThat(python.doubles("cube([0.5, 2.5])"))
                .usingComparatorWithPrecision(1e-12)
                .containsExactly(0.125, 15.625);
        assertThat(python.number("cube(1.5, 1)")).isCloseTo(6.75, within(1e-12));
        assertThat(python.number("cube(1.5, 2)")).isCloseTo(9.0, within(1e-12));
        assertThat(python.number("cube(4.0)")).isCloseTo(64, within(1e-12));
        assertThat(python.number("cube.derivative()(2.0)")).isCloseTo(12, within(1e-12));
        assertThat(python.str("cube.c.shape")).isEqualTo("(4, 3)");
    }

    @Test
    void naturalSplineHasZeroCurvatureAtTheEnds() {
        // Through (0,0), (1,1), (2,0): M1 = -3 from M0 + 4 M1 + M2 = 6 (y0 - 2 y1 + y2), so S(0.5) = 0.6875.
        python.exec("tent = CubicSpline([0, 1, 2], [0, 1, 0], bc_type='natural')");
        assertThat(python.number("tent(0.5)")).isCloseTo(0.6875, within(1e-12));
        assertThat(python.number("tent(0.0, 2)")).isCloseTo(0, within(1e-12));
        assertThat(python.number("tent(1.0, 2)")).isCloseTo(-3, within(1e-12));
        assertThat(python.number("CubicSpline([0, 1, 2], [0, 1, 4])(1.5)")).isCloseTo(2.25, within(1e-12));
        assertThat(python.number("CubicSpline([0, 1], [1, 3])(0.25)")).isCloseTo(1.5, within(1e-12));
        assertThat(python.number("CubicSpline([0, 1, 2], [0, 1, 0], bc_type='clamped')(1.0, 1)"))
                .isCloseTo(0, within(1e-12));
    }

    @Test
    void interp1dKindsBoundsAndFillValues() {
        python.exec("linear = interp1d(cube_x, cube_y)");
        assertThat(python.number("linear(1.5)")).isEqualTo(4.5);
        assertThat(python.doubles("linear([0.5, 2.9])"))
                .usingComparatorWithPrecision(1e-12)
                .containsExactly(0.5, 25.1);
        assertThat(python.error("linear(5)"))
                .contains("A value (5.0) in x_new is above the interpolation range's maximum value (3.0).");
        assertThat(python.number("interp1d(cube_x, cube_y, bounds_error=False)(5)"))
                .isNaN();
        assertThat(python.number("interp1d(cube_x, cube_y, bounds_error=False, fill_value=(-1, 99))(5)"))
                .isEqualTo(99);
        assertThat(python.number("interp1d(cube_x, cube_y, fill_value='extrapolate')(4)"))
                .isEqualTo(46);
        assertThat(python.doubles("interp1d(cube_x, cube_y, kind='nearest')([0.5, 0.6, 1.4])"))
                .containsExactly(0, 1, 1);
        assertThat(python.number("interp1d(cube_x, cube_y, kind='previous')(1.9)"))
                .isEqualTo(1);
        assertThat(python.number("interp1d(cube_x, cube_y, kind='next')(1.1)")).isEqualTo(8);
        assertThat(python.number("interp1d(cube_x, cube_y, kind='cubic')(1.5)")).isCloseTo(3.375, within(1e-12));
        assertThat(python.eval("interpolate.interp1d is interp1d").asBoolean()).isTrue();
    }

    @Test
    void scalarResultsBehaveLikeNumpyZeroDimensionalArrays() {
        python.exec("import scipy\nlazy = scipy.interpolate.CubicSpline(cube_x, cube_y)(1.5)");
        assertThat(python.eval("f'{lazy:.2f}'").asString()).isEqualTo("3.38");
        assertThat(python.str("lazy.shape")).isEqualTo("()");
        assertThat(python.eval("bool(lazy > 3)").asBoolean()).isTrue();
    }

    @Test
    void badInputAndMissingModulesFailClearly() {
        assertThat(python.error("CubicSpline([0, 0, 1], [1, 2, 3])")).contains("`x` must be strictly increasing");
        assertThat(python.error("interp1d([0, 1], [1, 2], kind='quadratic')")).contains("kind='quadratic'");
        assertThat(python.error("import scipy.stats")).contains("scipy.stats is not available on Botlink");
        assertThat(python.error("import scipy\nscipy.optimize")).contains("scipy.optimize is not available on Botlink");
        assertThat(python.error("interpolate.Rbf")).contains("CubicSpline and interp1d only");
    }
}
