import { newsItemPage } from "../../news/item-page";

const page = newsItemPage("policies");
export const generateMetadata = page.generateMetadata;
export default page.Page;
