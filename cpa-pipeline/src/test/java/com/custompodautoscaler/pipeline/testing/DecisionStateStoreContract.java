package com.custompodautoscaler.pipeline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.core.behavior.ScaleEvent;
import com.custompodautoscaler.core.behavior.ScaleEvents;
import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.decision.Recommendation;
import com.custompodautoscaler.core.decision.RecommendationHistory;
import com.custompodautoscaler.core.port.DecisionStateStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link DecisionStateStore} does, whatever keeps the state: each store under test
 * extends this class and says how to make a store with nothing saved yet.
 */
public abstract class DecisionStateStoreContract {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00.125Z");

  /** A store with nothing saved in it yet. */
  protected abstract DecisionStateStore newStore();

  /** A state to save, named for the table. */
  public record Saved(String name, DecisionState state) {
    @Override
    public String toString() {
      return name;
    }
  }

  protected static Stream<Saved> states() {
    return Stream.of(
        new Saved("nothing remembered", DecisionState.empty()),
        new Saved(
            "a stabilization window",
            state(
                List.of(recommended(0, 5), recommended(15, 2), recommended(30, 2)),
                none(),
                none())),
        new Saved(
            "rescales in both directions",
            state(List.of(), events(scaled(0, 3), scaled(20, 1)), events(scaled(40, 2)))),
        new Saved(
            "a window and rescales, to the millisecond",
            state(List.of(recommended(0, 4)), events(scaled(1, 2)), events(scaled(2, 1)))),
        new Saved(
            "the evaluate method's state, with a window",
            state(List.of(recommended(0, 4)), none(), none())
                .withLogicState(Optional.of("{\"history\":\"AQID\",\"seen\":[1,2.5,null]}"))));
  }

  @Test
  void nothingSavedLoadsTheEmptyState() {
    assertThat(newStore().load()).isEqualTo(DecisionState.empty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("states")
  void loadsWhatWasSaved(Saved saved) {
    DecisionStateStore store = newStore();

    store.save(saved.state());

    assertThat(store.load()).isEqualTo(saved.state());
  }

  @Test
  void aLaterSaveReplacesTheEarlierOne() {
    DecisionStateStore store = newStore();
    DecisionState earlier = state(List.of(recommended(0, 9)), events(scaled(0, 4)), none());
    DecisionState later = state(List.of(recommended(15, 3)), none(), events(scaled(15, 1)));

    store.save(earlier);
    store.save(later);

    assertThat(store.load()).isEqualTo(later);
  }

  private static DecisionState state(
      List<Recommendation> recommendations, ScaleEvents up, ScaleEvents down) {
    return new DecisionState(new RecommendationHistory(recommendations), up, down);
  }

  private static Recommendation recommended(int secondsLater, int replicas) {
    return new Recommendation(T0.plusSeconds(secondsLater), replicas);
  }

  private static ScaleEvent scaled(int secondsLater, int change) {
    return new ScaleEvent(T0.plusSeconds(secondsLater), change);
  }

  private static ScaleEvents events(ScaleEvent... events) {
    return new ScaleEvents(List.of(events));
  }

  private static ScaleEvents none() {
    return ScaleEvents.empty();
  }
}
