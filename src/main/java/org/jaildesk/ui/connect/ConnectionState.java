package org.jaildesk.ui.connect;

/** How a host's connection stands, for the dot beside its name. */
public enum ConnectionState { NOT_CONNECTED, CONNECTING, CONNECTED, FAILED }
