package dev.opsdeck.testing;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JMS messages for control-level tests, as a broker hands them to a consumer: a body, properties and a delivery
 * count. Methods a consumer has no business calling fail the test.
 */
public final class JmsMessages {

    private JmsMessages() {
    }

    /** What a test gives a message and learns about how it was read. */
    public static final class Spec {
        final Map<String, Object> properties = new LinkedHashMap<>();
        RuntimeException failure;
        final AtomicInteger largestRead = new AtomicInteger();

        public Spec property(String name, Object value) {
            properties.put(name, value);
            return this;
        }

        public Spec deliveryCount(int count) {
            return property("JMSXDeliveryCount", count);
        }

        /** Reading the body throws this, as a faulty provider might. */
        public Spec failingWith(RuntimeException failure) {
            this.failure = failure;
            return this;
        }

        /** The largest number of bytes one readBytes call was asked for. */
        public int largestRead() {
            return largestRead.get();
        }
    }

    public static TextMessage text(String body, Spec spec) {
        return (TextMessage) message(TextMessage.class, spec, (name, args) -> switch (name) {
            case "getText" -> {
                if (spec.failure != null) {
                    throw spec.failure;
                }
                yield body;
            }
            default -> NOT_A_BODY_METHOD;
        });
    }

    /** A bytes message of {@code length} bytes, each made by {@code byteAt} when read: nothing holds the whole body. */
    public static BytesMessage bytes(long length, java.util.function.LongFunction<Byte> byteAt, Spec spec) {
        AtomicLong position = new AtomicLong();
        return (BytesMessage) message(BytesMessage.class, spec, (name, args) -> switch (name) {
            case "getBodyLength" -> length;
            case "readBytes" -> {
                byte[] buffer = (byte[]) args[0];
                spec.largestRead.accumulateAndGet(buffer.length, Math::max);
                int n = (int) Math.min(args.length > 1 ? (int) args[1] : buffer.length, length - position.get());
                if (n <= 0) {
                    yield -1;
                }
                for (int i = 0; i < n; i++) {
                    buffer[i] = byteAt.apply(position.getAndIncrement());
                }
                yield n;
            }
            default -> NOT_A_BODY_METHOD;
        });
    }

    public static BytesMessage bytes(byte[] body, Spec spec) {
        return bytes(body.length, i -> body[(int) i], spec);
    }

    private static final Object NOT_A_BODY_METHOD = new Object();

    private interface Body {
        Object answer(String method, Object[] args);
    }

    private static Message message(Class<? extends Message> type, Spec spec, Body body) {
        return (Message) Proxy.newProxyInstance(JmsMessages.class.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            Object answer = body.answer(method.getName(), args);
            if (answer != NOT_A_BODY_METHOD) {
                return answer;
            }
            Map<String, Object> properties = spec.properties;
            return switch (method.getName()) {
                case "propertyExists" -> properties.containsKey((String) args[0]);
                case "getIntProperty" -> ((Number) properties.get((String) args[0])).intValue();
                case "getStringProperty" -> properties.containsKey((String) args[0]) ? String.valueOf(properties.get((String) args[0])) : null;
                case "getObjectProperty" -> properties.get((String) args[0]);
                case "getPropertyNames" -> Collections.enumeration(properties.keySet());
                case "getJMSMessageID" -> "ID:test-" + System.identityHashCode(proxy);
                case "getJMSTimestamp" -> 1_763_632_800_000L;
                case "getJMSDestination", "getJMSCorrelationID" -> null;
                case "toString" -> type.getSimpleName() + properties;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException("a consumer does not call " + method.getName());
            };
        });
    }
}
