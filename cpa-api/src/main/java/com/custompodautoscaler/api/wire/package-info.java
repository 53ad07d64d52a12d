/**
 * The JSON documents exchanged with user logic, field for field as CPA v2 writes them, so that
 * existing metric and evaluate programs read them unchanged.
 */
package com.custompodautoscaler.api.wire;
