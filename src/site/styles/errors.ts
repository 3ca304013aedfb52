import { MitredenError } from "../../errors.js";

/** The stylesheet or fonts could not be built; the message names the input and the fix. */
export class StylesError extends MitredenError {}
