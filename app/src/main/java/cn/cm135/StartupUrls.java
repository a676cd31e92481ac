package cn.cm135;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started cm135 where to go next. */
@Component
class StartupUrls {

    private static final Logger log = LoggerFactory.getLogger(StartupUrls.class);

    @EventListener(ApplicationReadyEvent.class)
    void logUrls(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + env.getProperty("local.server.port", "8080");
        log.info("""
                cm135 is ready:
                  Tasklist  (任务列表) {}/camunda/app/tasklist/
                  Cockpit   (流程监控) {}/camunda/app/cockpit/
                  Admin     (系统管理) {}/camunda/app/admin/
                  Welcome   (个人资料) {}/camunda/app/welcome/
                  REST      {}/engine-rest/  and  {}/api/  (HTTP Basic)""",
                base, base, base, base, base, base);
    }
}
