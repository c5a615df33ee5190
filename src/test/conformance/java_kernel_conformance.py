"""Jupyter's kernel conformance suite (Debian's python3-jupyter-kernel-test) against latentmap's `java` kernel.

Run by KernelConformanceIT in the test run, or by hand:
    JUPYTER_PATH=build/jupyter /usr/bin/python3 -m unittest -v src/test/conformance/java_kernel_conformance.py

Skipped by the suite because they do not apply to a Java kernel (no sample is given):
  - test_pager: the pager payload is IPython's `?` help; Java has no such statement (documentation is what
    inspect_request gives, tested below);
  - test_clear_output: IJava's notebook functions (display, render, updateDisplay) have no clear-output call,
    and a cell that used one would not run in IJava or JJava.
"""
import os
import unittest

import jupyter_kernel_test


class JavaKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("LATENTMAP_CONFORMANCE_KERNEL", "java")
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("something on stderr");'
    code_generate_error = 'throw new IllegalStateException("on purpose");'

    completion_samples = [
        {"text": "Math.ab", "matches": {"abs(", "absExact("}},
        {"text": "Integer.MAX_V", "matches": {"MAX_VALUE"}},
    ]

    complete_code_samples = [
        "1 + 1",
        "int x = 1;",
        'System.out.println("done");',
        "for (int i = 0; i < 3; i++) { }",
        "class Point { int x; }",
    ]
    incomplete_code_samples = [
        "for (int i = 0; i < 3; i++) {",
        "int y = (1 +",
        "class Open {",
        "/* a comment that goes on",
    ]
    invalid_code_samples = [
        "}",
        "int z = 1; }",
    ]

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "Math.max(3, 4)", "result": "4"},
    ]
    code_display_data = [
        {"code": 'String id = display("shown as text");', "mime": "text/plain"},
        {"code": "String id2 = display(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
    ]

    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "6 * 7"

    code_inspect_sample = "String"


if __name__ == "__main__":
    unittest.main()
