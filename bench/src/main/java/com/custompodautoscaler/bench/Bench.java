package com.custompodautoscaler.bench;

import java.io.PrintStream;

/** One benchmark; it prints its method and results. */
interface Bench {

  String name();

  void run(BenchContext context, PrintStream out) throws Exception;
}
