import { logger } from "./logger";

logger.info("listening on :8080");
