package org.hapmatrix.cli;

import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option converter around a parser of the domain, which says what is wrong with an
 * IllegalArgumentException and knows no option names; picocli adds the option's name.
 */
abstract class DomainConverter<T> implements ITypeConverter<T> {
    private final Function<String, T> parser;

    DomainConverter(Function<String, T> parser) {
        this.parser = parser;
    }

    @Override
    public T convert(String value) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
