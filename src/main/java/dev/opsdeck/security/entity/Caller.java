package dev.opsdeck.security.entity;

import java.util.Set;

public record Caller(String name, Set<String> roles) {
}
