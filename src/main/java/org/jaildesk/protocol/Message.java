package org.jaildesk.protocol;

/** Anything that travels over a sysadm connection: a request, a reply to one, or an unsolicited event. */
public sealed interface Message permits Request, Reply, Event {

    /** The request id this message answers; "" for events. */
    String id();
}
