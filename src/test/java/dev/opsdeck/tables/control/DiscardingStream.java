package dev.opsdeck.tables.control;

import java.io.OutputStream;

final class DiscardingStream extends OutputStream {

    long bytes;
    int closes;

    @Override
    public void write(int b) {
        bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        bytes += len;
    }

    @Override
    public void close() {
        closes++;
    }
}
