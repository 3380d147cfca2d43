package dev.opsdeck.configuration;

public class InvalidConfigurationException extends RuntimeException {

    public InvalidConfigurationException(String key, String problem) {
        super("Invalid configuration " + key + ": " + problem);
    }
}
