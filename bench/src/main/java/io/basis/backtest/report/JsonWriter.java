package io.basis.backtest.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A small streaming JSON writer: objects and arrays indented by two spaces, strings escaped as RFC 8259 requires,
 * numbers as given by the caller (fixed decimals, see {@link Decimals}), so that the same calls give the same
 * bytes. It checks only what keeps the text well-formed: a name inside an object before each value, closes that
 * match their opens.
 */
final class JsonWriter
{
    private final StringBuilder text = new StringBuilder(4096);
    /** Per open container: true while it is empty. A container's kind is the character that closes it. */
    private final Deque<boolean[]> empty = new ArrayDeque<>();
    private final Deque<Character> closers = new ArrayDeque<>();
    private boolean named;

    JsonWriter beginObject()
    {
        open('{', '}');
        return this;
    }

    JsonWriter endObject()
    {
        return close('}');
    }

    JsonWriter beginArray()
    {
        open('[', ']');
        return this;
    }

    JsonWriter endArray()
    {
        return close(']');
    }

    /**
     * @param name the name of the next value of the current object.
     * @return this writer.
     */
    JsonWriter name(final String name)
    {
        if (named || closers.isEmpty() || closers.peek() != '}')
        {
            throw new IllegalStateException("a name belongs in an object, before its value: " + name);
        }
        separateMember();
        string(name);
        text.append(": ");
        named = true;
        return this;
    }

    JsonWriter value(final String value)
    {
        separate();
        if (value == null)
        {
            text.append("null");
        }
        else
        {
            string(value);
        }
        return this;
    }

    JsonWriter value(final long value)
    {
        separate();
        text.append(value);
        return this;
    }

    /**
     * @param value    a finite number.
     * @param decimals digits after the point.
     * @return this writer.
     */
    JsonWriter value(final double value, final int decimals)
    {
        separate();
        text.append(Decimals.fixed(value, decimals));
        return this;
    }

    JsonWriter field(final String name, final String value)
    {
        return name(name).value(value);
    }

    JsonWriter field(final String name, final long value)
    {
        return name(name).value(value);
    }

    JsonWriter field(final String name, final double value, final int decimals)
    {
        return name(name).value(value, decimals);
    }

    /**
     * @return the document, ending with a newline.
     * @throws IllegalStateException if an object or array is still open.
     */
    String toJson()
    {
        if (!closers.isEmpty())
        {
            throw new IllegalStateException(closers.size() + " objects or arrays are still open");
        }
        return text + "\n";
    }

    private void open(final char opener, final char closer)
    {
        separate();
        text.append(opener);
        empty.push(new boolean[]{true});
        closers.push(closer);
    }

    private JsonWriter close(final char closer)
    {
        if (named || closers.isEmpty() || closers.peek() != closer)
        {
            throw new IllegalStateException("'" + closer + "' does not close what is open");
        }
        closers.pop();
        if (!empty.pop()[0])
        {
            newline();
        }
        text.append(closer);
        return this;
    }

    /** Before a value or a name: the comma and new line that separate it from the one before. */
    private void separate()
    {
        if (named)
        {
            named = false;
            return;
        }
        if (closers.isEmpty())
        {
            if (text.length() > 0)
            {
                throw new IllegalStateException("a JSON document has one top-level value");
            }
            return;
        }
        if (closers.peek() == '}')
        {
            throw new IllegalStateException("a value in an object needs a name");
        }
        separateMember();
    }

    private void separateMember()
    {
        final boolean[] isEmpty = empty.peek();
        if (!isEmpty[0])
        {
            text.append(',');
        }
        isEmpty[0] = false;
        newline();
    }

    private void newline()
    {
        text.append('\n');
        for (int i = 0; i < closers.size(); i++)
        {
            text.append("  ");
        }
    }

    private void string(final String value)
    {
        text.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                default ->
                {
                    if (c < 0x20)
                    {
                        text.append(String.format(Locale.ROOT, "\\u%04x", (int)c));
                    }
                    else
                    {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
