package io.basis.engine.quote;

import io.basis.engine.TestReferenceData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./basis quote} as a desk runs it: the valuation on standard output and exit status 0, or one line on
 * standard error and a non-zero status for books it cannot trust.
 */
@Timeout(30)
class QuoteMainTest
{
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture()
    {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore()
    {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String stdout()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr()
    {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheOptionsAndExitsZero()
    {
        assertEquals(0, QuoteMain.run(new String[] {"--help"}));

        assertTrue(stdout().startsWith("usage: basis quote --refdata DIR --books FILE"), stdout());
        assertTrue(stdout().contains("--contracts N"), stdout());
        assertEquals("", stderr());
    }

    @Test
    void theSampleBooksAreValued()
    {
        assertEquals(0, QuoteMain.run(new String[] {
            "--refdata", "../refdata/kospi200", "--books", "../refdata/kospi200/sample-books.csv"}));

        assertTrue(stdout().contains("\"modelState\": \"VALID\""), stdout());
        assertEquals("", stderr());
    }

    @Test
    void untrustworthyBooksExitNonZeroWithOneLineNamingInstrumentAndLine() throws IOException
    {
        TestReferenceData.twoStockIndex(dir);
        final Path books = dir.resolve("books.csv");
        Files.writeString(books, "symbol,side,level,price,size\nA,BID,1,99,8\nA,BID,2,99,5\n");

        final int status = QuoteMain.run(new String[] {"--refdata", dir.toString(), "--books", books.toString()});

        assertEquals(2, status);
        assertEquals("", stdout(), "no valuation of a book that cannot be trusted");
        assertEquals(1, stderr().lines().count(), stderr());
        assertTrue(stderr().startsWith("quote: "), stderr());
        assertTrue(stderr().strip().endsWith(
            "books.csv:3 field 'price': A BID level 2 at 99 is not below level 1 at 99 (line 2)"), stderr());
        assertFalse(stderr().contains("Exception"), stderr());
    }

    @Test
    void anEmptyBooksFileExitsNonZero() throws IOException
    {
        TestReferenceData.twoStockIndex(dir);
        final Path books = dir.resolve("books.csv");
        Files.writeString(books, "");

        assertEquals(2, QuoteMain.run(new String[] {"--refdata", dir.toString(), "--books", books.toString()}));

        assertEquals("quote: " + books + ": empty: no header and no book levels", stderr().strip());
    }
}
