package dev.opsdeck.security.boundary;

import dev.opsdeck.security.entity.Action;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An API method that takes a guarded action: {@link RoleCheck} lets through the roles {@link Action} names for it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Permitted {
    Action value();
}
