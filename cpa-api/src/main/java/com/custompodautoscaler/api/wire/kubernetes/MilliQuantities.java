package com.custompodautoscaler.api.wire.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Kubernetes quantities as the milli-units user logic receives: {@code 250m} is 250, 2 is 2000. */
public final class MilliQuantities {

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private MilliQuantities() {}

  /** The quantity in milli-units, rounded up as Kubernetes rounds {@code MilliValue}. */
  public static long milli(String quantity) {
    BigDecimal amount = Quantity.getAmountInBytes(new Quantity(quantity));
    try {
      return amount.multiply(THOUSAND).setScale(0, RoundingMode.CEILING).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "quantity " + quantity + " is too large to count in milli-units", e);
    }
  }
}
