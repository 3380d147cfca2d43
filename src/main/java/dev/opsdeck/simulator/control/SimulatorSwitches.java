package dev.opsdeck.simulator.control;

/**
 * How the simulated services misbehave, changed at run time through the simulator's own endpoint:
 * a delay before each answer, 5xx answers, or 409 refusals of every action.
 */
public record SimulatorSwitches(long slowMs, boolean failing, boolean conflict) {

    public static final SimulatorSwitches NORMAL = new SimulatorSwitches(0, false, false);

    public String toJson() {
        return "{\"slow_ms\":" + slowMs + ",\"failing\":" + failing + ",\"conflict\":" + conflict + "}";
    }
}
