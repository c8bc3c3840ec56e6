package clockwork.engine.provider.docker;

import clockwork.engine.provider.container.Labels;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The two kinds of Docker object that are made and removed whole: networks and volumes. */
enum DockerObject {
  NETWORK("network", "bridge", Artifacts.NETWORK) {
    @Override
    Map<String, ObjectObservation> list(DockerClient docker, String projectId, List<String> names) {
      var found = new HashMap<String, ObjectObservation>();
      List<Network> networks =
          projectId == null
              ? List.of()
              : docker
                  .listNetworksCmd()
                  .withFilter("label", List.of(Labels.PROJECT + "=" + projectId))
                  .exec();
      for (Network n : networks)
        found.put(n.getName(), new ObjectObservation(true, n.getDriver(), n.getLabels()));
      List<String> unseen = names.stream().filter(n -> !found.containsKey(n)).toList();
      if (!unseen.isEmpty()) {
        for (Network n :
            docker.listNetworksCmd().withNameFilter(unseen.toArray(String[]::new)).exec()) {
          found.putIfAbsent(n.getName(), new ObjectObservation(true, n.getDriver(), n.getLabels()));
        }
      }
      return found;
    }

    @Override
    void create(DockerClient docker, ObjectSpec spec, Map<String, String> labels) {
      var create =
          docker
              .createNetworkCmd()
              .withName(spec.name())
              .withDriver(spec.driver())
              .withCheckDuplicate(true)
              .withLabels(labels);
      if (!spec.addressing().isEmpty()) {
        create.withIpam(
            new Network.Ipam()
                .withConfig(
                    new Network.Ipam.Config()
                        .withSubnet(spec.addressing().get("subnet"))
                        .withGateway(spec.addressing().get("gateway"))));
      }
      create.exec();
    }
  },

  VOLUME("volume", "local", Artifacts.VOLUME) {
    @Override
    Map<String, ObjectObservation> list(DockerClient docker, String projectId, List<String> names) {
      var found = new HashMap<String, ObjectObservation>();
      var volumes = docker.listVolumesCmd().exec().getVolumes();
      if (volumes != null) {
        for (var v : volumes) {
          if (names.contains(v.getName()))
            found.put(v.getName(), new ObjectObservation(true, v.getDriver(), v.getLabels()));
        }
      }
      return found;
    }

    @Override
    void create(DockerClient docker, ObjectSpec spec, Map<String, String> labels) {
      docker
          .createVolumeCmd()
          .withName(spec.name())
          .withDriver(spec.driver())
          .withLabels(labels)
          .exec();
    }
  };

  final String noun;
  final String defaultDriver;
  final String artifact;

  DockerObject(String noun, String defaultDriver, String artifact) {
    this.noun = noun;
    this.defaultDriver = defaultDriver;
    this.artifact = artifact;
  }

  /** The objects with these names, and this project's, by name: one or two list calls. */
  abstract Map<String, ObjectObservation> list(
      DockerClient docker, String projectId, List<String> names);

  abstract void create(DockerClient docker, ObjectSpec spec, Map<String, String> labels);
}
