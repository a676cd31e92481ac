package cn.cm135;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The top-level packages under {@code cn.cm135} are the application's modules: none may reach into another's
 * internals (sub-packages are internal unless exposed as a named interface), and no two may depend on each
 * other in a cycle. The module diagram and canvases are written to {@code app/target/spring-modulith-docs}.
 */
class ModuleStructureTests {

    static final ApplicationModules MODULES = ApplicationModules.of(Cm135Application.class);

    @Test
    void modulesUseOnlyEachOthersApisAndFormNoCycle() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
    }
}
