import { newsItemPage } from "../item-page";

const page = newsItemPage("news");
export const generateMetadata = page.generateMetadata;
export default page.Page;
