raise ImportError("scipy.linalg is not available on Botlink: its scipy provides scipy.interpolate only "
                  "(CubicSpline, interp1d); see docs/python-libraries.md")
