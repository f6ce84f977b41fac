package com.acme.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class ReportJob {
    private static final Logger log = LoggerFactory.getLogger(ReportJob.class);

    public static void main(String[] args) {
        log.info("report job started");
    }
}
