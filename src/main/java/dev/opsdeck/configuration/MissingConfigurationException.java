package dev.opsdeck.configuration;

public class MissingConfigurationException extends RuntimeException {

    public MissingConfigurationException(String key, String environmentVariable, String why) {
        super("Missing required configuration " + key + " (environment variable " + environmentVariable + "): " + why);
    }
}
