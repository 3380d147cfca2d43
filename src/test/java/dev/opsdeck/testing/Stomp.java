package dev.opsdeck.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A STOMP 1.2 publisher over a plain TCP socket, as a Go service publishes: no JMS client involved.
 * Every SEND asks for a receipt, so a returned send is stored by the broker.
 */
public final class Stomp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private int receipts;

    private Stomp(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(30_000);
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    public static Stomp connect(String host, int port) throws IOException {
        return connect(host, port, Map.of());
    }

    public static Stomp connect(String host, int port, String login, String passcode) throws IOException {
        return connect(host, port, Map.of("login", login, "passcode", passcode));
    }

    /** Over TLS, trusting what the given context trusts. */
    public static Stomp connectTls(String host, int port, String login, String passcode, javax.net.ssl.SSLContext tls)
            throws IOException {
        return connect(tls.getSocketFactory().createSocket(host, port), Map.of("login", login, "passcode", passcode));
    }

    private static Stomp connect(String host, int port, Map<String, String> credentials) throws IOException {
        return connect(new Socket(host, port), credentials);
    }

    private static Stomp connect(Socket socket, Map<String, String> credentials) throws IOException {
        Stomp stomp = new Stomp(socket);
        var headers = new java.util.LinkedHashMap<String, String>(Map.of("accept-version", "1.2", "host", "localhost"));
        headers.putAll(credentials);
        stomp.frame("CONNECT", headers, null);
        String connected = stomp.readFrame();
        if (!connected.startsWith("CONNECTED")) {
            throw new IOException("STOMP connect refused: " + connected);
        }
        return stomp;
    }

    /** Sends a text body without content-length: the broker makes it a JMS TextMessage. */
    public void sendText(String address, String body, Map<String, String> headers) throws IOException {
        send(address, body.getBytes(StandardCharsets.UTF_8), headers, false);
    }

    /** Sends with content-length: the broker makes it a JMS BytesMessage. */
    public void sendBytes(String address, byte[] body, Map<String, String> headers) throws IOException {
        send(address, body, headers, true);
    }

    private void send(String address, byte[] body, Map<String, String> extra, boolean withLength) throws IOException {
        String receipt = "r" + (++receipts);
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put("destination", address);
        headers.put("destination-type", "MULTICAST");
        headers.put("persistent", "true");
        headers.put("receipt", receipt);
        if (withLength) {
            headers.put("content-length", String.valueOf(body.length));
        }
        headers.putAll(extra);
        frame("SEND", headers, body);
        String reply = readFrame();
        if (!reply.startsWith("RECEIPT")) {
            throw new IOException("STOMP send refused: " + reply);
        }
    }

    private void frame(String command, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(command).append('\n');
        headers.forEach((name, value) -> head.append(name).append(':').append(value).append('\n'));
        head.append('\n');
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.write(body);
        }
        out.write(0);
        out.flush();
    }

    private String readFrame() throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == 0) {
                String text = frame.toString(StandardCharsets.UTF_8);
                if (!text.isBlank()) {
                    return text.stripLeading();
                }
                frame.reset();
            } else {
                frame.write(b);
            }
        }
        throw new IOException("STOMP connection closed");
    }

    @Override
    public void close() throws IOException {
        try {
            frame("DISCONNECT", Map.of(), null);
        } finally {
            socket.close();
        }
    }
}
