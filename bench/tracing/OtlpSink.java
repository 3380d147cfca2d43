import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local OTLP/HTTP endpoint for bench/tracing/run: takes every POST /v1/traces, reads it whole, answers 200 as a
 * collector does, and prints how many exports and bytes it took when stopped. Usage: java OtlpSink.java PORT
 */
public class OtlpSink {

    public static void main(String[] args) throws Exception {
        AtomicLong exports = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 64);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/v1/traces", exchange -> {
            try (exchange) {
                bytes.addAndGet(exchange.getRequestBody().readAllBytes().length);
                exports.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                System.out.printf("otlp_exports=%d otlp_bytes=%d%n", exports.get(), bytes.get())));
        server.start();
    }
}
