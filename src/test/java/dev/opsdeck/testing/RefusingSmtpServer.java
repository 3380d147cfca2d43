package dev.opsdeck.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server that greets, says hello and refuses every sender with a permanent 554: GreenMail accepts whatever it
 * is sent, so this is the tests' server that answers 5xx.
 */
public final class RefusingSmtpServer implements AutoCloseable {

    public static final String REFUSAL = "554 5.7.1 Sender refused by policy";

    private final ServerSocket socket;
    private final Thread loop;

    public RefusingSmtpServer(int port) throws IOException {
        socket = new ServerSocket(port, 10, InetAddress.getLoopbackAddress());
        loop = new Thread(this::serve, "refusing-smtp");
        loop.setDaemon(true);
        loop.start();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                 PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                out.print("220 refusing.test ESMTP\r\n");
                out.flush();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                    String answer = switch (command) {
                        case "EHLO", "HELO" -> "250 refusing.test";
                        case "MAIL" -> REFUSAL;
                        case "RSET", "NOOP" -> "250 OK";
                        case "QUIT" -> "221 Bye";
                        default -> "503 Bad sequence of commands";
                    };
                    out.print(answer + "\r\n");
                    out.flush();
                    if (command.equals("QUIT")) {
                        break;
                    }
                }
            } catch (IOException closed) {
                // the test closed the server, or the client hung up
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
