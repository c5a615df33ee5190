package org.latentmap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ai.djl.ndarray.NDArray;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No arithmetic with a Java number as its operand ({@code x.div(2f)}): DJL's PyTorch engine wraps the number in
 * a tensor over Java-owned memory and frees it when the call returns, while autograd keeps that tensor for the
 * backward pass. When the garbage collector has handed the memory to another tensor in between, the gradient
 * reads another number, and a training depends on the collector's timing (issue 29). The rule covers every
 * NDArray method that takes a Number; {@code Tensors.scalar} makes the constant on the engine instead.
 */
class EngineConstantsTest {
    private static final Set<String> ARITHMETIC = Set.of(
            "add", "sub", "mul", "div", "pow", "maximum", "minimum", "mod", "rsub", "rdiv", "rpow", "rmod", "addi",
            "subi", "muli", "divi", "powi", "modi", "rsubi", "rdivi", "rpowi", "rmodi");

    @Test
    void noEngineArithmeticTakesAJavaNumber() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.latentmap");
        noClasses()
                .should()
                .callMethodWhere(new DescribedPredicate<JavaCall<?>>("NDArray arithmetic with a Number operand") {
                    @Override
                    public boolean test(JavaCall<?> call) {
                        var target = call.getTarget();
                        return target.getOwner().isAssignableTo(NDArray.class)
                                && ARITHMETIC.contains(target.getName())
                                && target.getRawParameterTypes().size() == 1
                                && target.getRawParameterTypes().get(0).isEquivalentTo(Number.class);
                    }
                })
                .because("autograd may keep the number's tensor after DJL frees its Java memory: use Tensors.scalar")
                .check(classes);
    }
}
