import { redirect } from "next/navigation";
import { getViewer } from "@/server/viewer";
import { HOME_PATH } from "@/domain/access/permissions";

// "/" sends each person to their own area.
export default async function Home() {
  const viewer = await getViewer();
  redirect(viewer ? HOME_PATH[viewer.role] : "/login");
}
