package org.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;

/** The keys of a dialog or mode that takes the keyboard while open: it handles every key itself. */
interface DialogKeys {
    Reaction key(KeyStroke k);
}
