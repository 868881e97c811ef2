package io.nextbest.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FormatLocaleTest {

    private Locale format;
    private Locale display;

    @BeforeEach
    void remember() {
        format = Locale.getDefault(Locale.Category.FORMAT);
        display = Locale.getDefault(Locale.Category.DISPLAY);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(Locale.Category.FORMAT, format);
        Locale.setDefault(Locale.Category.DISPLAY, display);
    }

    @Test
    void numbersFormatTheSameWhateverTheHostLocale() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
        assertThat(String.format("%.1f of %,d", 1.5, 12345)).isEqualTo("1,5 of 12.345");

        FormatLocale.apply();

        assertThat(String.format("%.1f of %,d", 1.5, 12345)).isEqualTo("1.5 of 12,345");
        assertThat(Locale.getDefault(Locale.Category.FORMAT)).isEqualTo(Locale.US);
    }

    @Test
    void onlyTheFormatCategoryChanges() {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.FRANCE);

        FormatLocale.apply();

        assertThat(Locale.getDefault(Locale.Category.DISPLAY)).isEqualTo(Locale.FRANCE);
    }
}
