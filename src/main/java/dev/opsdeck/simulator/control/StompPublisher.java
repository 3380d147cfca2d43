package dev.opsdeck.simulator.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Publishes events over STOMP to the broker's multicast addresses, as the Go services do; each SEND waits for its
 * receipt, so a returned publish is stored. One connection, reopened after a failure.
 */
public class StompPublisher implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private int receipts;

    public StompPublisher(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public synchronized void publish(String address, String json) throws IOException {
        try {
            send(address, json);
        } catch (IOException first) {
            close();
            send(address, json);
        }
    }

    private void send(String address, String json) throws IOException {
        if (socket == null) {
            connect();
        }
        String receipt = "s" + (++receipts);
        frame("SEND\ndestination:" + address + "\ndestination-type:MULTICAST\npersistent:true\ncontent-type:application/json\n"
                + "receipt:" + receipt + "\n\n" + json);
        String reply = readFrame();
        if (!reply.startsWith("RECEIPT")) {
            throw new IOException("broker refused the event: " + reply.lines().findFirst().orElse(""));
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(15_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
        frame("CONNECT\naccept-version:1.2\nhost:localhost\n\n");
        String connected = readFrame();
        if (!connected.startsWith("CONNECTED")) {
            throw new IOException("broker refused the STOMP connection: " + connected.lines().findFirst().orElse(""));
        }
    }

    private void frame(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
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
        throw new IOException("broker closed the STOMP connection");
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to do with it
            }
        }
        socket = null;
    }
}
