package dev.opsdeck.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The page a postback lands on when its view expired; links back only to a page of this console. */
@Named
@RequestScoped
public class ExpiredPage {

    private String next;

    public String getNext() {
        boolean local = next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
                && next.endsWith(".xhtml") && !next.startsWith("/expired.xhtml");
        return local ? next : "/index.xhtml";
    }

    public void setNext(String next) {
        this.next = next;
    }
}
